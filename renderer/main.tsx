// First: asks main who is signed in while the rest of the code below is run.
import './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { holdInvalidSubmit } from './components/holdInvalidSubmit';
import './styles.css';

holdInvalidSubmit(window);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
