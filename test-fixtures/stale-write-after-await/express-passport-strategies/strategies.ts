// The strategies are registered here, away from the routes that use them by name: GitHub's
// (an OAuth 2 exchange) under its own name, a password check under `local`.
import passport from 'passport';
import { Strategy as GitHubStrategy } from 'passport-github2';
import { Strategy as LocalStrategy } from 'passport-local';

export function registerStrategies(): void {
  passport.use(new GitHubStrategy({ clientID: 'id', clientSecret: 'secret', callbackURL: '/auth/github/callback' }, (_a: string, _r: string, profile: { id: string }, done: (e: null, u: { id: string }) => void) => done(null, profile)));
  passport.use(new LocalStrategy((username: string, _password: string, done: (e: null, u: { id: string }) => void) => done(null, { id: username })));
}
