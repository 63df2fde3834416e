"""One repository per aggregate; ``core.storage.store.Store`` composes them into the wallet's storage."""
