/** Plain text as paragraphs (blank lines between them), single line breaks kept; React escapes everything. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} style={{ whiteSpace: 'pre-line' }}>
            {p}
          </p>
        ))}
    </>
  );
}
