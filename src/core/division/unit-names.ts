/**
 * 单位名称 — the names a 分工方案 gives units, resolved against the unit directory. Offices write
 * the same unit many ways: 区发展和改革委员会, 区发展改革委, 区发改委; 区人力资源和社会保障局,
 * 区人力社保局. A short name keeps the long name's characters in order, starts as it does and ends
 * with the same kind of body (委员会 → 委, 办公室 → 办), which is the model used here.
 */

/** A unit of the directory, with the names it is known by. */
export interface DirectoryUnit {
  id: number;
  name: string;
  shortName: string | null;
  /** Names the office mapped to this unit before (organisation_unit_aliases). */
  aliases: readonly string[];
}

export type UnitResolution =
  | {
      name: string;
      status: 'known';
      unitId: number;
      unitName: string;
      via: 'name' | 'alias' | 'abbreviation';
    }
  /** 各街道, 各乡镇, 各行业主管部门: a collective, allowed as it is (made a unit on commit). */
  | { name: string; status: 'collective'; unitId: number | null }
  /** Not in the directory, or abbreviating several of its units: the office creates or maps it. */
  | { name: string; status: 'unknown'; candidates: { id: number; name: string }[] };

/** 各街道, 各乡镇, 各有关部门, 各行业主管部门, 相关单位, 有关部门. */
const COLLECTIVE = /^(各|相关|有关|其他|全体)/u;

export function isCollectiveUnit(name: string): boolean {
  return COLLECTIVE.test(name);
}

/** The name compared: no spaces, ASCII parentheses as full-width. */
export function unitKey(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Long endings and the character a short name keeps of them. */
const ENDINGS: [RegExp, string][] = [
  [/管理委员会$/u, '委'],
  [/委员会$/u, '委'],
  [/办公室$/u, '办'],
  [/管理局$/u, '局'],
];

function shortEnding(name: string): string {
  for (const [pattern, kept] of ENDINGS) if (pattern.test(name)) return name.replace(pattern, kept);
  return name;
}

/** True when `short` abbreviates `long`: same start, same ending kind, characters kept in order. */
export function abbreviates(short: string, long: string): boolean {
  const a = shortEnding(unitKey(short));
  const full = unitKey(long);
  const b = shortEnding(full);
  if (a === b) return true;
  if (a.length < 3 || a.length >= full.length) return false;
  if (a[0] !== b[0] || a[a.length - 1] !== b[b.length - 1]) return false;
  // The character after the place prefix (区/市/县) must be kept too: 区发改委, not 区改委.
  if (a[1] !== b[1]) return false;
  let at = 0;
  for (const ch of full) if (ch === a[at]) at += 1;
  return at === a.length;
}

/**
 * Resolves each name of a plan: exact name, short name or a kept alias first; then the
 * abbreviation model, which must point at exactly one unit; collectives are allowed as they are;
 * anything else is unknown, with the units it might abbreviate as candidates.
 */
export function resolveUnitNames(
  names: readonly string[],
  directory: readonly DirectoryUnit[],
): UnitResolution[] {
  const exact = new Map<string, DirectoryUnit>();
  const byAlias = new Map<string, DirectoryUnit>();
  for (const unit of directory) {
    exact.set(unitKey(unit.name), unit);
    if (unit.shortName) byAlias.set(unitKey(unit.shortName), unit);
    for (const alias of unit.aliases) byAlias.set(unitKey(alias), unit);
  }
  return [...new Set(names)].map((name): UnitResolution => {
    const key = unitKey(name);
    const named = exact.get(key);
    if (named) return { name, status: 'known', unitId: named.id, unitName: named.name, via: 'name' };
    const aliased = byAlias.get(key);
    if (aliased) return { name, status: 'known', unitId: aliased.id, unitName: aliased.name, via: 'alias' };
    if (isCollectiveUnit(key)) return { name, status: 'collective', unitId: null };
    const candidates = directory.filter(
      (unit) =>
        abbreviates(key, unit.name) ||
        abbreviates(unit.name, key) ||
        (unit.shortName !== null && abbreviates(key, unit.shortName)),
    );
    if (candidates.length === 1) {
      const unit = candidates[0] as DirectoryUnit;
      return { name, status: 'known', unitId: unit.id, unitName: unit.name, via: 'abbreviation' };
    }
    return {
      name,
      status: 'unknown',
      candidates: candidates.map(({ id, name: unitName }) => ({ id, name: unitName })),
    };
  });
}
