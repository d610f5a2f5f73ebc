import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandInput, CommandName } from '../../../../shared/index.js';
import { send } from '../../net/send.js';
import { useStore } from '../../store/index.js';

/** Sends a facilitator command; a refusal becomes the console's notice. Resolves to whether it was accepted. */
export function useCommand() {
  const { t } = useTranslation();
  return useCallback(
    async <K extends CommandName>(name: K, payload: CommandInput<K>): Promise<boolean> => {
      const result = await send(name, payload);
      if (!result.ok) useStore.getState().notify({ tone: 'error', message: t(`errors.${result.error.code}`) });
      return result.ok;
    },
    [t],
  );
}
