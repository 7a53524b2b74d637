//! A repository's own configuration, checklists and templates cannot silence the screening unseen.
