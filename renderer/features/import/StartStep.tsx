import { DraftsList } from './DraftsList';
import { DropZone } from './DropZone';
import { TemplatesMenu } from './TemplatesMenu';

/** Step 1: bring a file in, reopen a draft, or take a template to fill in. */
export function StartStep() {
  return (
    <section className="import-step" aria-labelledby="step-title">
      <div className="import-step__head">
        <h2 id="step-title" className="section-title">
          Open a file
        </h2>
        <TemplatesMenu />
      </div>
      <DropZone />
      <DraftsList />
    </section>
  );
}
