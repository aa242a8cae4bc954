# Fixes and weak points (issue 19): `check --suggest` and `check --spof`.

fix-cell = { $instance } → { $to }
fix-cells-none = none
fix-none-reachable = The path is reachable: there is nothing to fix.
fix-none-source-down = The source's AZ has failed: no edit brings an AZ back.
fix-none-leaves-vpc = The path leaves the VPC: what lies beyond is outside the model.
fix-none-bpa-exclusion = VPC Block Public Access blocks this path, and no VPC endpoint can carry it instead. Only an exclusion would let it through (AddBpaExclusion, for the subnet the trace names); an exclusion opens that subnet to the internet, so it is a policy decision and not suggested here.
fix-none-found = No change of one or two edits, from what the model has, makes this path reachable.
fix-suggestions-head = { $count ->
    [one] One suggestion:
   *[other] { $count } suggestions, best first:
}
fix-suggestion-head = { $n }.
fix-suggestion-edit = {"   "}{ $edit }
fix-suggestion-change = {"   "}change: { $change }
fix-change-allow-statement = a statement is added to the endpoint policy of { $owner } that allows { $action } on { $resource } (only that: the other statements stay)
fix-change-without-statement = statement { $index }{ $sid ->
    [none] {""}
   *[other] {" "}({ $sid })
} is taken out of the endpoint policy of { $owner }: it was the Deny that refused the request
fix-change-source-vpce = statement { $index }{ $sid ->
    [none] {""}
   *[other] {" "}({ $sid })
} of the bucket policy of { $bucket } denies by aws:SourceIp, which is absent through a VPC endpoint; it gains the condition StringNotEquals aws:SourceVpce { $endpoint }, so it still denies what comes neither from its addresses nor through { $endpoint }
fix-suggestion-after = {"   "}after: { $verdict }
fix-suggestion-gained = {"   "}cells gained: { $cells }
fix-suggestion-lost = {"   "}cells lost: { $cells }
fix-suggestion-cost = {"   "}monthly cost: { $amount } { $currency }
fix-suggestion-why = {"   "}why here: { $why }
fix-why-fixes = fixes the path ({ $verdict })
fix-why-breaks-nothing = breaks no other cell
fix-why-breaks = { $count ->
    [one] breaks one other cell
   *[other] breaks { $count } other cells
}
fix-why-also = { $count ->
    [one] fixes one other cell too
   *[other] fixes { $count } other cells too
}
fix-why-free = costs nothing more
fix-why-costs = costs { $amount } { $currency } a month
fix-why-saves = saves { $amount } { $currency } a month
fix-why-no-az-dependency = depends on no AZ but the source's
fix-why-az-dependency = depends on { $azs } as well
fix-why-placeholder = { $ids } is a placeholder: AWS chooses the real id
fix-why-best = the best suggestion
fix-why-below = below { $above } because it { $because }
fix-key-breaks-more = breaks more cells
fix-key-costs-more = costs more
fix-key-less-resilient = depends on more AZs
fix-key-more-edits = takes more edits
fix-key-fixes-fewer = fixes fewer other cells
fix-key-tie = is equal on every count and was found later
fix-weak-not-modelled = The path is not modelled (no verdict), so it has no weak points to list.
fix-weak-not-reachable = The path is not reachable: it has no weak points to list (try --suggest).
fix-weak-none = No single failure breaks this path, apart from its own AZ.
fix-weak-head = { $count ->
    [one] One single point of failure:
   *[other] { $count } single points of failure:
}
fix-weak-line = {"  "}{ $what }: then { $verdict }
fix-weak-az = the loss of AZ { $id }
fix-weak-nat_gateway = NAT gateway { $id }
fix-weak-gwlb_appliances = the appliances behind GWLB endpoint { $id }
fix-weak-interface_endpoint = interface endpoint { $id }
fix-weak-resource_endpoint = resource endpoint { $id }
fix-weak-service_network_endpoint = service-network endpoint { $id }
fix-weak-endpoint_eni = the ENI of { $detail } in { $id }
fix-weak-gateway_endpoint = gateway endpoint { $id }
fix-weak-route = route { $detail } in { $id }
fix-weak-source-az = Like every path, it fails with its source's AZ ({ $az }).
fix-survives-any-az = It survives the loss of any one other AZ.
fix-survives-any-az-enis = It survives the loss of any one other AZ: ENIs in { $count } AZs ({ $azs }).
fix-survives-azs = It survives the loss of { $azs }.
fix-apply-none = There is no suggestion { $n }: { $count ->
    [0] there are none.
    [one] there is one.
   *[other] there are { $count }.
}
fix-write-failed = Cannot write { $path }: { $error }
fix-applied = Wrote { $path }: suggestion { $n } applied ({ $edits }).
fix-expect-rewritten = expect { $entry } ({ $from } → { $to }) now says what the fixed scenario answers: { $now } (was { $was }).
fix-lesson-dropped = The lesson was left out of the written file: its steps describe the VPC before the fix and no longer hold there.
fix-matrix-spof-head = { $count ->
    [0] No reachable cell has a single point of failure (apart from its own AZ).
    [one] One reachable cell has a single point of failure:
   *[other] { $count } reachable cells have a single point of failure:
}
fix-matrix-spof-line = {"  "}{ $instance } → { $to }: { $weak }

## The explorer's fixes list (f): one fact a line under each suggestion.

fix-fact-after = after: { $verdict }
fix-fact-gained = cells gained: { $cells }
fix-fact-lost = cells lost: { $cells }
fix-fact-cost = monthly cost: { $amount } { $currency }
fix-fact-azs = AZ dependencies beside the source's: { $azs }
fix-azs-none = none
fix-fact-why = why here: { $why }
fix-cells-more = { $cells } and { $more } more
