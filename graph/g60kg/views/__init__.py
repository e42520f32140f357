"""Views of the RDF dataset: networkx graphs (`nxview`) and file exports (`export`)."""
