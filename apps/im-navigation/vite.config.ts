/// <reference types="vitest/config" />
import { defineAppConfig } from '../vite.app-config';

export default defineAppConfig({ test: { name: 'im-navigation' } });
