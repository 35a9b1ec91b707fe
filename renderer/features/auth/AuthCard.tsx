import type { ReactNode } from 'react';

/** The centred card the set-up, sign-in and lock screens share. */
export const AuthCard = ({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) => (
  <main className="auth-screen">
    <div className="auth-card">
      <div className="brand">
        <img src="./logo.svg" alt="" width={36} height={36} />
        <span>SiteDesk</span>
      </div>
      <h1>{title}</h1>
      {subtitle && <p className="muted">{subtitle}</p>}
      {children}
    </div>
  </main>
);
