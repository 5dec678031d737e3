"""Per-article analysis stages (language, sentences, entities, time, quantities, claims, framing)."""
