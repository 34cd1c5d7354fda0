import './ComingLater.css';

interface Props {
  title: string;
  text: string;
}

/** An honest placeholder for a section that is not built yet. */
export function ComingLater({ title, text }: Props) {
  return (
    <section className="coming-later" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p>{text}</p>
    </section>
  );
}
