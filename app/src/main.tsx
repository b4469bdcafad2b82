import { render } from 'preact';
import { initAccounts } from './accounts';
import { App } from './app';
import { chainStore, connect } from './chain/connection';
import { initEvents } from './chain/events';
import './styles.css';

initEvents();
initAccounts();
connect(chainStore.get().endpoint);
render(<App />, document.getElementById('app')!);
