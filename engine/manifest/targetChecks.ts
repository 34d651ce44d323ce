import { parseLimitKg } from './limit';
import { Note } from './note';
import { Target } from './types.generated';

/**
 * What the schema cannot say about a target: one base (a quantity or a baseline report), one
 * way to the target (a reduction or a pathway), a target year after the base year. One error
 * per mistake; false when the target cannot be evaluated.
 */
export function checkTarget(target: Target, index: number, notes: Note[]): boolean {
  const at = (key: string) => ['targets', index, key];
  let ok = true;
  if (target.targetYear <= target.baseYear) {
    notes.push({
      code: 'invalid-target',
      severity: 'error',
      message: `Target "${target.id}" ends in ${target.targetYear}, ${target.targetYear === target.baseYear ? 'its base year' : `before its base year ${target.baseYear}`}: \`targetYear\` must come after \`baseYear\`.`,
      path: at('targetYear'),
      data: { id: target.id, baseYear: target.baseYear, targetYear: target.targetYear },
    });
    ok = false;
  }
  if ((target.base === undefined) === (target.baseline === undefined)) {
    notes.push({
      code: 'invalid-target',
      severity: 'error',
      message: target.base === undefined
        ? `Target "${target.id}" has no base: give \`base\` (the base year's emissions, such as "1200 tCO2e") or \`baseline\` (a saved JSON report of the base year).`
        : `Target "${target.id}" gives both \`base\` and \`baseline\`: keep one.`,
      path: target.base === undefined ? at('id') : at('baseline'),
      data: { id: target.id },
    });
    ok = false;
  } else if (target.base !== undefined && !Number.isFinite(parseLimitKg(target.base) ?? NaN)) {
    notes.push({ code: 'invalid-limit', severity: 'error', message: `Target base "${target.base.trim().slice(0, 40)}" is too large to compute with; write it with a larger unit (ktCO2e, MtCO2e).`, path: at('base'), data: { value: target.base } });
    ok = false;
  }
  if ((target.reduction === undefined) === (target.pathway === undefined)) {
    notes.push({
      code: 'invalid-target',
      severity: 'error',
      message: target.reduction === undefined
        ? `Target "${target.id}" says nothing about how far to go: give \`reduction\` (a share of the base, such as 0.42) or \`pathway\` (sbti-1.5c, sbti-wb2c).`
        : `Target "${target.id}" gives both \`reduction\` and \`pathway\`: keep one.`,
      path: target.reduction === undefined ? at('id') : at('pathway'),
      data: { id: target.id },
    });
    ok = false;
  }
  return ok;
}
