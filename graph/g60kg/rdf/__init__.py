"""Records to RDF: namespaces and ontology, compile, infer, validate (shapes and checks), the
store, and `build`, which runs them in order."""
