"""Website and CRM events: storage, identity resolution, intake API, import and the tracker snippet."""
