import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanStatement } from '../../../../shared/index.js';
import { StatementsEditor, statementsProblem } from '../../views/console/agenda/StatementsEditor.js';
import type { SettingsProps } from '../types.js';

/**
 * The scan's statements in the step dialog, saved with the dialog's Save: only when they
 * changed, trimmed, and never with a factor left empty or a statement without both languages.
 */
export function ScanSettings({ activity, locked, bind }: SettingsProps) {
  const { t } = useTranslation();
  const saved = activity.config.statements;
  const [statements, setStatements] = useState<ScanStatement[]>(saved);

  useEffect(() => {
    bind(() => {
      if (JSON.stringify(statements) === JSON.stringify(saved)) return { changes: {} };
      const p = statementsProblem(statements);
      if (p) return { problem: t(`agenda.statements.${p}`) };
      return { changes: { statements: statements.map((s) => ({ ...s, text: { nl: s.text.nl.trim(), en: s.text.en.trim() } })) } };
    });
    return () => bind(null);
  }, [bind, statements, saved, t]);

  return <StatementsEditor statements={statements} onChange={setStatements} locked={locked} />;
}
