/** Gives components the shell controller. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ShellController } from '../shell-controller.js';
import { type ShellModel, useShell } from '../shell-store.js';

export const ShellContext = createContext<ShellController | null>(null);

export function useController(): ShellController {
  const controller = useContext(ShellContext);
  if (!controller) throw new Error('ShellContext: no controller provided');
  return controller;
}

export function useModel(): ShellModel {
  return useShell(useController().store);
}
