### What `validate` and `check` say about a scenario: its `expect` entries and lesson steps
### that the evaluator does not meet. Field names, codes and ids stay as they are.

check-valid = { $path }: valid ({ $count ->
    [one] 1 warning
   *[other] { $count } warnings
})
check-no-az = error: no Availability Zone { $az }; AZs: { $known }
check-no-path = error: give one --from and one --to, or --matrix (which takes several of each as filters)
check-spof-ipv4-only = error: --spof works on the IPv4 matrix only; leave out --family or give --family ipv4
check-matrix-no-from = error: --from { $name } names no instance or subnet; instances: { $known }
check-matrix-no-to = error: --to { $name } is not a column of the matrix; columns: { $known }
# Any other error, after the word that marks it as one.
cli-error = error: { $what }
check-public-ip-needs-subnet = error: --public-ip describes a hypothetical instance, so it needs --from SUBNET; { $from } is not a subnet id
check-bad-request = error: { $flag } { $value } is not { $kind ->
    [action] an IAM action (service:Action, for example s3:GetObject)
   *[other] a resource ARN (arn:partition:service:region:account:resource, for example arn:aws:s3:::my-bucket/key)
}

## A problem: where, then what

problem-line = { $at }: { $what }
problem-at-expect = expect { $entry } ({ $from } → { $to })
problem-at-step = lesson step { $step } ({ $title })
problem-at-step-path = lesson step { $step } ({ $title }): { $from } → { $to }
problem-at-lesson = lesson
problem-question-without-answer = a question needs an expected verdict
problem-fix-question-without-fix = "how would you fix it?" needs a path that does not work and a suggestion that makes it reachable
problem-source-not-aws = source must be an AWS documentation URL
problem-unknown-route-table = route_table { $table } is not a route table of the model at this step
# $field is the file's field name (verdict, via, cross_az, reason).
mismatch-field = { $field } { $got } (want { $want })
mismatch-none = none
mismatch-note = note { $note } missing
mismatch-sep = ,{" "}

## The printed lesson handout

handout-step = Step { $step }: { $title }
handout-changes = Changes:
handout-path = Path: { $from } → { $to }{ $request_any ->
    [yes] {""}
   *[no] {" "}· { $request }
}
handout-question = Question: { $question }
handout-fix-question = Fix question: { $question }
handout-fix = {"  "}{ $n }. { $edit } (monthly cost { $cost } { $currency })
handout-answer = Answer: { $answer }
handout-source = Source: { $source }

## The overview printed when standard output is not a terminal (`vpc-tui SCENARIO > file`).

overview-untitled = (untitled)
overview-counts = { $vpc } in { $region }: { $azs ->
    [one] 1 AZ
   *[other] { $azs } AZs
}, { $subnets ->
    [one] 1 subnet
   *[other] { $subnets } subnets
}, { $tables ->
    [one] 1 route table
   *[other] { $tables } route tables
}, { $gateway } gateway / { $interface } interface endpoints, { $instances ->
    [one] 1 instance
   *[other] { $instances } instances
}
overview-explain-one = Explain one path: { $command }
