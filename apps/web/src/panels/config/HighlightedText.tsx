import { useRef, type TextareaHTMLAttributes } from "react";
import { tokenizeJson } from "./json-tokens";

/**
 * A textarea with JSON syntax colours: the text is drawn by a `<pre>` underneath, the textarea on top keeps
 * native editing, selection, undo-in-field and accessibility (its own text is transparent, the caret is not).
 */
export function HighlightedText(props: TextareaHTMLAttributes<HTMLTextAreaElement> & { value: string }) {
  const pre = useRef<HTMLPreElement>(null);
  return (
    <div className="code-edit">
      <pre ref={pre} className="code-edit__highlight input input--mono" aria-hidden="true">
        {tokenizeJson(props.value).map((t, i) => (t.kind === "plain" ? t.text : <span key={i} className={`tok tok--${t.kind}`}>{t.text}</span>))}
        {/* A trailing newline needs a character after it to take up its line. */}
        {"\n"}
      </pre>
      <textarea
        {...props}
        className={`${props.className ?? ""} code-edit__input`}
        onScroll={(e) => {
          if (!pre.current) return;
          pre.current.scrollTop = e.currentTarget.scrollTop;
          pre.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
      />
    </div>
  );
}
