import { useEffect, useState } from "react";
import Input from "@cloudscape-design/components/input";
import { formatCommaList, parseCommaList, sameCommaList } from "./commaList";

interface Props {
  items: readonly string[];
  /** The parsed list, when the user leaves the field (a click on Save leaves it first). */
  onChange(items: string[]): void;
  disabled?: boolean;
}

/**
 * One field for a comma-separated list. What the user types stays as typed (a trailing comma, a half-cleared list):
 * only when they leave the field does it become a list, so clearing the field to retype it loses nothing on the way.
 */
export function CommaListInput({ items, onChange, disabled }: Props) {
  const [text, setText] = useState(() => formatCommaList(items));
  const key = JSON.stringify(items);
  // A list changed from outside (discard, reload) replaces the text; the user's own typing never does.
  useEffect(() => {
    const latest = JSON.parse(key) as string[];
    setText((current) => (sameCommaList(current, latest) ? current : formatCommaList(latest)));
  }, [key]);
  const commit = () => {
    const parsed = parseCommaList(text);
    setText(formatCommaList(parsed));
    if (!sameCommaList(formatCommaList(items), parsed)) onChange(parsed);
  };
  return <Input value={text} disabled={disabled} onChange={({ detail }) => setText(detail.value)} onBlur={commit} />;
}
