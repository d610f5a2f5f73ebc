/** Only an http(s) address becomes a link (the server accepts nothing else; a screen does not rely on that). */
const WEB_LINK = /^https?:\/\//i;

/** A link shown as its address, opened in a new tab without telling the page where it came from. */
export function FeedbackLink({ link }: { link: string }) {
  return WEB_LINK.test(link) ? (
    <a href={link} target="_blank" rel="noopener noreferrer">
      {link}
    </a>
  ) : (
    <>{link}</>
  );
}
