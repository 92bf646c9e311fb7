/** The "what do you want to practise" form: mixed, an area, or one objective. */
import type { Area } from '../../bank/types.ts';
import { displayTitle } from '../../views/components.tsx';

export function PracticePicker({
  areas,
  selectedArea,
  selectedObjective,
}: {
  areas: readonly Area[];
  selectedArea?: string | undefined;
  selectedObjective?: string | undefined;
}) {
  return (
    <form method="get" action="/practice/next" class="picker">
      <fieldset>
        <legend>Practise</legend>
        <div class="field">
          <label for="practice-area">Area</label>
          <select id="practice-area" name="area">
            <option value="mixed" selected={!selectedArea || selectedArea === 'mixed'}>
              Mixed: every area
            </option>
            {areas.map((area) => (
              <option value={area.id} selected={selectedArea === area.id}>
                {displayTitle(area.title)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="practice-objective">Objective (optional)</label>
          <select id="practice-objective" name="objective">
            <option value="" selected={!selectedObjective}>
              Any objective in the area
            </option>
            {areas.map((area) => (
              <optgroup label={displayTitle(area.title)}>
                {area.objectives.map((objective) => (
                  <option value={objective.id} selected={selectedObjective === objective.id}>
                    {objective.id}: {objective.text}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit">Start</button>
      </fieldset>
    </form>
  );
}
