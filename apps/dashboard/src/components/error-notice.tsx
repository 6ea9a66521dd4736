/** An error of the latest read, announced to screen readers. */
export function ErrorNotice({ error }: { error?: Error }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error.message}
    </p>
  );
}
