// A real OpenID Connect provider on loopback for the single sign-on tests (npm oidc-provider),
// started by tests/browser/test_sso_browser.py:
//
//   node tests/oidc/provider.mjs CONFIG.json
//
// CONFIG.json: {"port", "issuer", "client_id", "client_secret", "redirect_uri",
// "accounts": {"login name": {claims…}}}. Its own development sign-in form asks for a login and
// any password; the account's claims (groups, roles, preferred_username …) go into the ID token,
// which is what Streamlit's st.login reads. Prints "ready" once it listens.
import { readFileSync } from "node:fs";

import Provider from "oidc-provider";

const config = JSON.parse(readFileSync(process.argv[2], "utf-8"));

const provider = new Provider(config.issuer, {
  clients: [
    {
      client_id: config.client_id,
      client_secret: config.client_secret,
      redirect_uris: [config.redirect_uri],
      post_logout_redirect_uris: [config.redirect_uri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  async findAccount(_ctx, id) {
    const claims = config.accounts[id] ?? {};
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "preferred_username", "groups", "roles"],
  },
  // The claims of the requested scopes in the ID token itself, as Entra ID puts `groups` there.
  conformIdTokenClaims: false,
  // A first-party client: no consent screen, the scopes asked for are granted.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  cookies: { keys: [config.client_secret] },
  features: { devInteractions: { enabled: true } },
});

provider.listen(config.port, "127.0.0.1", () => {
  console.log("ready");
});
