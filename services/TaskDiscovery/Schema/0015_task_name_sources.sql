-- Where a task's name came from: workload, instruction, structure, topics (the platform's guesses) or person (a rename
-- or split). Only names from the call's structure or its topics are improved on as topics are found. Null for tasks
-- found before names were derived: their names are left as they are.
alter table tasks add column name_source text null;
