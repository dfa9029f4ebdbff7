"""The batch job around the NLP: the run and its workers (`run`), the dataset writers (`writers`), the
command line (`cli`), scoring against gold files (`evaluate`) and the benchmark (`bench`)."""
