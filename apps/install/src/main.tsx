/**
 * Entry point of the install page: the portal opens it in placement DEFAULT while installing the app.
 * Declarations are bundled from `apps/*\/placement.ts`; handlers live in the folder above this page.
 */
import '@imkit/app-kit/base.css';
import './install.css';
import { connect } from '@imkit/frame';
import { render } from 'preact';
import { bundledDeclarations } from './app-declarations.js';
import { handlerBaseOf } from './handler-base.js';
import { InstallPage } from './InstallPage.js';

const root = document.getElementById('app');
if (!root) throw new Error('install page: no element with id "app"');
render(
  <InstallPage
    connect={connect}
    declarations={bundledDeclarations}
    handlerBase={handlerBaseOf(location.href)}
  />,
  root,
);
