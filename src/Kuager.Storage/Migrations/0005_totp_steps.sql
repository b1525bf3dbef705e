-- The time step of the last authenticator code each user signed in with: a code is accepted once, never replayed.
ALTER TABLE users ADD COLUMN totp_last_step {{bigint}} NULL;
