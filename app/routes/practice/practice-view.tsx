import type { Area } from '../../bank/types.ts';
import { Layout } from '../../views/layout.tsx';
import { PracticePicker } from './picker.tsx';
import type { PracticeMode } from './practice-mode.ts';

export function PracticePage({ areas, mode, emptyFor }: { areas: readonly Area[]; mode: PracticeMode; emptyFor?: string | undefined }) {
  return (
    <Layout title="Practice" current="practice">
      <h1>Practice</h1>
      {emptyFor ? (
        <p class="error-box" role="alert">
          No questions are available for {emptyFor} yet. Choose another area or objective.
        </p>
      ) : null}
      <p>
        Pick an area, or one objective, or mix everything. Each question is generated for you; its address (<code>/q/scenario/seed</code>) always shows the same
        variant, so you can share it or come back to it.
      </p>
      <PracticePicker areas={areas} selectedArea={mode.area} selectedObjective={mode.objective} />
    </Layout>
  );
}
