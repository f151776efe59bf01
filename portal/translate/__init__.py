"""Machine translation, optional: a provider interface with one real client for a
LibreTranslate-compatible HTTP API (the open-source server an organisation can host itself),
and a small store of translations made in the background by `portal tick`.

Configured by PORTAL_TRANSLATE_URL (and PORTAL_TRANSLATE_KEY when the server wants one);
without a URL the feature is off and nothing here calls out. A foundation package: it knows
no feature; features ask it for translations and connect to its signal."""
