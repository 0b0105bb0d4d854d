/** CSS colours for the host's placement `color` names; an empty colour gets one picked from the id. */
import { type PlacementColor, placementColors } from '@imkit/frame/placements';

const palette: Record<PlacementColor, string> = {
  RED: '#e5484d',
  GREEN: '#30a46c',
  MINT: '#3dd9b5',
  LIGHT_BLUE: '#5eb1ef',
  DARK_BLUE: '#1f4e99',
  PURPLE: '#8e4ec6',
  AQUA: '#0fb5ba',
  PINK: '#e93d82',
  LIME: '#99d52a',
  BROWN: '#a0664a',
  AZURE: '#2f8cf5',
  KHAKI: '#b5a86b',
  SAND: '#d6b98c',
  ORANGE: '#f76b15',
  MARENGO: '#50657a',
  GRAY: '#8b8d98',
  GRAPHITE: '#3b3f46',
};

export function placementColor(color: string | undefined, id: number): string {
  if (color && color in palette) return palette[color as PlacementColor];
  const picked = placementColors[id % placementColors.length] ?? 'AZURE';
  return palette[picked];
}
