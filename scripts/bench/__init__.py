"""The benchmarks, with the settings and URLs they serve the site with."""
