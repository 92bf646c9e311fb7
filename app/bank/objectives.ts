/**
 * Areas and objectives from content/OBJECTIVES.md: `## area — title` headings, each followed
 * by `- area.name — text` lines. Everything else in the file is prose for humans.
 */
import type { Area, AreaId, Objective, ObjectiveId } from './types.ts';

export interface ParsedObjectives {
  readonly areas: Area[];
  readonly errors: { line: number; message: string }[];
}

const AREA_HEADING = /^##\s+([a-z][a-z0-9-]*)\s+[—–-]\s+(.+?)\s*$/;
const OBJECTIVE_LINE = /^[-*]\s+([a-z][a-z0-9-]*)\.([a-z0-9][a-z0-9-]*)\s+[—–-]\s+(.+?)\s*$/;

export function parseObjectives(markdown: string): ParsedObjectives {
  const areas: { id: AreaId; title: string; objectives: Objective[] }[] = [];
  const errors: { line: number; message: string }[] = [];
  const seen = new Set<string>();
  markdown.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    const heading = AREA_HEADING.exec(text);
    if (heading) {
      areas.push({ id: heading[1] as AreaId, title: heading[2]!, objectives: [] });
      return;
    }
    const objective = OBJECTIVE_LINE.exec(text);
    if (!objective) return;
    const [, area, name, description] = objective;
    const id = `${area}.${name}`;
    const current = areas.at(-1);
    if (!current || current.id !== area) {
      errors.push({ line, message: `Objective ${id} is not under its area heading "## ${area} — ..."` });
      return;
    }
    if (seen.has(id)) {
      errors.push({ line, message: `Objective ${id} is listed twice` });
      return;
    }
    seen.add(id);
    current.objectives.push({ id: id as ObjectiveId, area: area as AreaId, text: description! });
  });
  return { areas, errors };
}
