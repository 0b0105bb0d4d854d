/** Entry of the emulator shell. */
import 'font-awesome/css/font-awesome.css';
import './style.css';
import { render } from 'preact';
import { ShellController } from './shell-controller.js';
import { App } from './ui/App.js';
import { ShellContext } from './ui/shell-context.js';

const controller = new ShellController();
controller.start();
const root = document.getElementById('app');
if (root) {
  render(
    <ShellContext.Provider value={controller}>
      <App />
    </ShellContext.Provider>,
    root,
  );
}
