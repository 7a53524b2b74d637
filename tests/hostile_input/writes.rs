//! Writes only where told: temporary files, outputs that are devices or links, baselines and imports.
