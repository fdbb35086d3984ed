import { render } from 'preact';
import { App } from './app/App';
import { takeKeyFromFragment } from './app/shared/session';
import './styles.css';

// Before anything else reads the address: a key handed as #key=… is kept and removed from the address bar.
takeKeyFromFragment(window.location, window.history, window.localStorage);
render(<App />, document.getElementById('app')!);
