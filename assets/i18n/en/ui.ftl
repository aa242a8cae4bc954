# vpc-tui's own words: panels, pickers, the status line, the keymap help.
# Generated once from the English-keyed table that src/i18n.rs used to hold; edit freely.
# Variables: $a0, $a1, ... are the values the UI puts in (ids, counts, names), in order.
# Keep ids, codes and CIDRs as they are in every language.

## cost settings

ui-set-hours-per-month = Set the hours per month
ui-for-cost-estimate-730-by-default = for the cost estimate (730 by default)
ui-hours-per-month-every-resource-is = Hours per month every resource is billed
ui-whole-hours-e-g-730-aws = whole hours, e.g. 730; AWS bills a partial hour as a full one
ui-is-not-whole-number-of-hours = { $a0 } is not a whole number of hours.
ui-cost-month = Cost { $a0 } { $a1 }/month.

## cost panel

ui-cost = Cost
ui-cost-monthly-estimate = Cost (monthly estimate)
ui-monthly-estimate = Monthly estimate: { $a0 } { $a1 }
ui-price-not-verified = ; ? = price not verified
ui-last-change = The last change:
ui-line-items = Line items
ui-more = … { $a0 } more
ui-set-traffic-of-one-flow-gb = Set the traffic of one flow (GB/month)
ui-set-default-traffic-per-flow-gb = Set the default traffic per flow (GB/month)
ui-for-cost-estimate = for the cost estimate
ui-flow-source-service = Flow (source → service)
ui-gb-per-month-for = GB per month for { $a0 } → { $a1 }
ui-gb-per-month-for-every-flow = GB per month for every flow without its own figure
ui-number-of-gb-e-g-250 = a number of GB, e.g. 250 (0 switches the flow off)
ui-is-not-number-of-gb = { $a0 } is not a number of GB.
ui-traffic-set = Traffic set: { $a0 }

## lessons, presenter, narrow symbols

ui-lesson-next-step-starts-lesson = lesson: next step (starts the lesson)
ui-lesson-previous-step-restores-its-exact = lesson: previous step (restores its exact state)
ui-lesson-answer-question-reachable-or-not = lesson: answer the question (reachable or not)
ui-lesson-quiz-mode-on-off = lesson: quiz mode on / off
ui-lesson-reset-score = lesson: reset the score
ui-presenter-layout-narration-and-path-large = presenter layout (narration and path large)
ui-next = next
ui-back = back
ui-answer = answer
ui-presenter = presenter
ui-your-prediction = Your prediction
ui-reachable = Reachable
ui-path-gets-through = the path gets through
ui-not-reachable = Not reachable
ui-blocked-unavailable-or-leaves-vpc = blocked, unavailable, leaves the VPC, or not modelled
ui-lesson-step = Lesson step { $a0 }/{ $a1 }
ui-predict-answer-then-press = predict the answer, then press a
ui-last-step-of-lesson = The last step of the lesson.
ui-first-step-of-lesson = The first step of the lesson.
ui-no-open-question-here = No open question here.
ui-quiz-mode-on = Quiz mode on
ui-quiz-mode-off = Quiz mode off
ui-score-reset = Score reset.
ui-right-it-is-score = Right! It is { $a0 }. Score { $a1 }/{ $a2 }.
ui-not-quite-it-is-score = Not quite. It is { $a0 }. Score { $a1 }/{ $a2 }.
ui-this-scenario-has-lesson-n-starts = This scenario has a lesson: n starts it, p steps back.
ui-lesson = Lesson
ui-score = score
ui-quiz-on = quiz on
ui-quiz-off = quiz off
ui-next-back = next/back
ui-to-answer = → a to answer
ui-predict-then-press-to-answer-path = Predict, then press a to answer. The path and verdict stay hidden until then.
ui-matrix-hidden-until-you-answer = Matrix (hidden until you answer)

## edit menu: the rest of the engine's edits

ui-private-dns-only-for-inbound-resolver = Private DNS only for the inbound Resolver endpoint
ui-s3-interface-endpoints = S3 interface endpoints
ui-mark-gateway-load-balancers-appliances-in = Mark a Gateway Load Balancer's appliances in an AZ healthy or not
ui-turn-gateway-load-balancers-cross-zone = Turn a Gateway Load Balancer's cross-zone load balancing on or off
ui-associate-or-disassociate-internet-gateway-with = Associate or disassociate the internet gateway with a route table
ui-edge-association-ingress-routing = edge association (ingress routing)
ui-gateway-load-balancer = Gateway Load Balancer
ui-appliances-of-in-which-az = Appliances of { $a0 } in which AZ
ui-healthy-choose-to-mark-unhealthy = healthy: choose to mark unhealthy
ui-unhealthy-choose-to-mark-healthy = unhealthy: choose to mark healthy
ui-edge-route-table-for-internet-gateway = Edge route table for the internet gateway
ui-edge-choose-to-disassociate = { $a0 } · edge: choose to disassociate
ui-vpc-has-no-internet-gateway = The VPC has no internet gateway.
ui-inbound-resolver-only = { $a0 } · inbound Resolver only { $a1 }
ui-cross-zone = cross-zone { $a0 }

## tabs (app::Tab::title) and panel titles

ui-topology = Topology
ui-route-tables = Route tables
ui-endpoints = Endpoints
ui-matrix = Matrix
ui-topology-source-target-click = Topology (↑↓ source · ←→ target · click)
ui-route-tables-won-matched = Route tables (✔ won · matched)
ui-endpoints-and-gateways = Endpoints and gateways
ui-path = Path: { $a0 }
ui-matrix-2 = Matrix: { $a0 }: { $a1 }
ui-keys-esc-closes = Keys (Esc closes)
ui-unsaved-edits = Unsaved edits
ui-enter-accepts-esc-cancels = { $a0 } (Enter accepts, Esc cancels)

## header, tab bar, status, small screens (ui/mod.rs)

ui-vpc-tui-needs-now-q-quits = vpc-tui needs { $a0 }×{ $a1 } (now { $a2 }×{ $a3 }). q quits.
ui-failed = FAILED: { $a0 }
ui-modified = modified
ui-untitled = (untitled)
ui-tab-next-panel = Tab: next panel

## overlays (ui/overlay/)

ui-nothing-matches = nothing matches
ui-to-filter-enter-chooses-esc-closes = / to filter · Enter chooses · Esc closes
ui-mouse-click-tab-instance-or-service = Mouse: click a tab, an instance or a service in Topology, a matrix cell, a list item.
ui-edit-s-since-last-save-save = { $a0 } edit(s) since the last save. Save before quitting?
ui-save-and-quit = save and quit
ui-quit-without-saving = quit without saving
ui-stay = stay

## path panel (ui/path.rs)

ui-j-k-ctrl-f-ctrl-b = J/K, Ctrl-f/Ctrl-b scroll · { $a0 } more
ui-route = route
ui-routes = routes:
ui-no-route-for = { $a0 }: no route for { $a1 } ({ $a2 })
ui-won = won
ui-lost = lost
ui-note = note
ui-not-evaluated = not evaluated
ui-reachable-path-can-still-be-denied = { $a0 } (a reachable path can still be denied there)

## endpoints panel (ui/endpoints.rs)

ui-gateway-endpoints = Gateway endpoints
ui-interface-endpoints = Interface endpoints
ui-gateway-load-balancer-endpoints = Gateway Load Balancer endpoints
ui-nat-gateways = NAT gateways
ui-internet-gateway = Internet gateway
ui-no-internet-gateway = No internet gateway
ui-free-route-target-no-ip-address = { $a0 } · free · a route target, no IP address
ui-none-no-route-anywhere = none (no route anywhere)
ui-tables = tables
ui-private-dns-off = private DNS off
ui-resource-endpoint = resource endpoint (VPC Lattice)
ui-service-network-endpoint = service-network endpoint (VPC Lattice)
ui-private-dns-on = private DNS on
ui-private-dns-on-inbound-resolver-only = private DNS on (inbound Resolver only)
ui-no-subnets-no-eni = no subnets: no ENI
ui-eni-in = ENI { $a0 } in { $a1 }, { $a2 }
ui-dns-settings = DNS before private DNS
ui-dhcp-options = DHCP options { $a0 }: DNS servers { $a1 }
ui-resolver-rule-forward = { $a0 } forwards { $a1 } to { $a2 }
ui-resolver-rule-system = { $a0 } (system rule): the Resolver answers { $a1 }
ui-hosted-zone = private hosted zone { $a0 } · { $a1 } · records: { $a2 }
ui-hosted-zone-records-unknown = private hosted zone { $a0 } · { $a1 } · records not known ({ $a2 } listed)
ui-alias = alias
ui-zone-record = { $a0 } { $a1 } → { $a2 }
ui-az-failed = AZ failed
ui-state-up = up
ui-state-down = down
ui-appliances-down = appliances down
ui-in = in { $a0 }
ui-cross-zone-appliances = { $a0 } · { $a1 } · cross-zone { $a2 } · appliances: { $a3 }
ui-stateful = stateful
ui-stateless = stateless
ui-on = on
ui-off = off
ui-regional = regional
ui-regional-every-az = regional (every AZ)
ui-public = public
ui-private = private

## matrix panel (ui/matrix.rs, ui/theme.rs)

ui-rows-of-cols-of = rows { $a0 }-{ $a1 } of { $a2 } · cols { $a3 }-{ $a4 } of { $a5 }
ui-help-matrix-symbols = Matrix symbols
ui-matrix-legend = ✔g gateway endpoint  ✔i interface endpoint (I: other AZ only)  ✔n NAT  ✔w internet gateway  ✔l local  ✔m mixed  ✖ blocked  ◐ partial  ⇢ leaves VPC  ⊘ source down  ? not modelled
ui-matrix-legend-lattice = ✔r resource endpoint  ✔s service-network endpoint  ✔a service network association (R, S: other AZ only)

## route tables panel (ui/route_tables.rs)

ui-associations = associations
ui-explicit = { $a0 } (explicit)
ui-main-implicit = { $a0 } (main, implicit)
ui-edge = { $a0 } (edge)
ui-no-subnets = no subnets
ui-assoc-group-sep = {" · "}
ui-main = MAIN
ui-on-path = on the path
ui-local-derived = local (derived)
ui-prefix-list = prefix list
ui-gateway-endpoint-derived = gateway endpoint (derived)
ui-won-2 = WON: { $a0 }
ui-matched-lost = matched, lost

## topology panel (ui/topology.rs)

ui-internet-gateway-2 = internet gateway { $a0 }
ui-no-internet-gateway-2 = no internet gateway
ui-dns-support-hostnames = { $a0 } · DNS support { $a1 } · hostnames { $a2 }
ui-az-failed-2 = AZ FAILED
ui-main-2 = (main)
ui-public-ip = +public IP
ui-pub = pub
ui-priv = priv
ui-regional-nat-gateway = regional NAT gateway
ui-gateway-endpoint-for-tables = gateway endpoint for { $a0 } · tables: { $a1 }
ui-none = none
ui-targets = targets

## status messages (app/mod.rs)

ui-choose-path-s-source-t-target = Choose a path: s source, t target (or arrows in Topology and Matrix); e edits; 1-9 fail an AZ; ? help
ui-path-2 = Path { $a0 }
ui-last-change-flipped-no-matrix-cell = The last change flipped no matrix cell.
ui-refused = Refused: { $a0 }
ui-nothing-to-undo = Nothing to undo.
ui-undo = undo: { $a0 }
ui-undo-failed = Undo failed: { $a0 }
ui-nothing-to-redo = Nothing to redo.
ui-redo = redo: { $a0 }
ui-redo-failed = Redo failed: { $a0 }
ui-already-as-loaded = Already as loaded.
ui-reset-stopped = Reset stopped: { $a0 }
ui-no-matrix-cell-changed = No matrix cell changed.
ui-1-matrix-cell-flipped-c-lists = 1 matrix cell flipped (c lists it).
ui-matrix-cells-flipped-c-lists-them = { $a0 } matrix cells flipped (c lists them).
ui-could-not-save = Could not save { $a0 }: { $a1 }
ui-saved-it-loads-and-validates-again = Saved { $a0 } (it loads and validates again).
ui-saved-but-it-does-not-load = Saved { $a0 }, but it does not load again: { $a1 }
ui-scenario-has-no-instances-or-subnets = the scenario has no instances or subnets
ui-none-2 = (none)
ui-any-instance = { $a0 } (any instance)

## pickers and inputs (app/flows.rs)

ui-from-source = From (source)
ui-to-target = To (target)
ui-typed = typed
ui-type-destination = Type a destination…
ui-address-cidr-s3-us-west-2 = an address, a CIDR, s3@us-west-2, s3.amazonaws.com
ui-directory-bucket-detail = directory bucket in { $a0 } (S3 Express One Zone)
ui-typed-target-detail = typed earlier
ui-save-as = Save as
ui-path-for-ron-file-e-g = a path for the RON file, e.g. my-vpc.ron
ui-now-on = now on
ui-now-off = now off
ui-edit-model = Edit the model
ui-change-subnets-route-table = Change a subnet's route table
ui-explicit-association-or-back-to-main = explicit association, or back to main
ui-make-another-table-main-table = Make another table the main table
ui-add-route = Add a route
ui-table-destination-target = table → destination → target
ui-replace-routes-target = Replace a route's target
ui-local-routes-too = the local route's too
ui-delete-route = Delete a route
ui-create-gateway-endpoint = Create a gateway endpoint
ui-s3-or-dynamodb-on-route-table = S3 or DynamoDB, on a route table
ui-delete-gateway-endpoint = Delete a gateway endpoint
ui-attach-or-detach-gateway-endpoints-route = Attach or detach a gateway endpoint's route table
ui-adds-or-removes-its-pl-route = adds or removes its pl- route
ui-create-interface-endpoint = Create an interface endpoint
ui-any-service-one-subnet-first = any service, one subnet first
ui-delete-interface-endpoint = Delete an interface endpoint
ui-add-or-remove-interface-endpoints-subnet = Add or remove an interface endpoint's subnet
ui-one-subnet-per-az = one subnet per AZ
ui-lattice-delete = Delete a resource or service-network endpoint
ui-lattice-subnet = Add or remove a resource or service-network endpoint's subnet
ui-lattice-subnet-detail = its AZs: one subnet per AZ
ui-lattice-endpoint = Resource or service-network endpoint (VPC Lattice)
ui-lattice-endpoint-detail = { $a0 } · { $a1 } · { $a2 }
ui-lattice-resource = resource endpoint
ui-lattice-service-network = service-network endpoint
ui-turn-interface-endpoints-private-dns-on = Turn an interface endpoint's private DNS on or off
ui-add-nat-gateway = Add a NAT gateway
ui-public-or-private = public or private
ui-delete-nat-gateway = Delete a NAT gateway
ui-its-routes-become-blackholes = its routes become blackholes
ui-give-or-take-instances-public-ipv4 = Give or take an instance's public IPv4 address
ui-toggle-enablednssupport = Toggle enableDnsSupport
ui-toggle-enablednshostnames = Toggle enableDnsHostnames
ui-mark-gwlb-endpoints-appliances-up-or = Mark a GWLB endpoint's appliances up or down
ui-fail-or-restore-az = Fail or restore an AZ
ui-also-number-keys = also the number keys
ui-nothing-to-choose-from-in-this = { $a0 }: nothing to choose from in this scenario.
ui-to = To
ui-ipv4-address-or-cidr-service-region = an IPv4 address or CIDR, SERVICE@REGION (s3@us-west-2), or a global name (s3.amazonaws.com)
ui-route-table-for = Route table for { $a0 }
ui-destination-for-new-route-in = Destination for a new route in { $a0 }
ui-cidr-0-0-0-0-0 = a CIDR (0.0.0.0/0, 10.1.0.0/16, ::/0 for IPv6) or a prefix list (pl-s3, pl-dynamodb)
ui-target-that-leaves-vpc = Target that leaves the VPC
ui-pcx-peering-tgw-transit-gateway-or = pcx-… (peering), tgw-… (transit gateway) or vgw-… (virtual private gateway)
ui-target-for-in = Target for { $a0 } in { $a1 }
ui-route-in-to-replace = Route in { $a0 } to replace
ui-new-target-for-in = New target for { $a0 } in { $a1 }
ui-route-in-to-delete = Route in { $a0 } to delete
ui-first-route-table-for-gateway-endpoint = First route table for the { $a0 } gateway endpoint
ui-none-yet = (none yet)
ui-attach-tables-later = attach tables later
ui-attach-to-or-detach-it-from = Attach { $a0 } to, or detach it from
ui-attached-choose-to-detach = attached: choose to detach
ui-choose-to-attach = choose to attach
ui-first-subnet-for-interface-endpoint = First subnet for the { $a0 } interface endpoint
ui-subnet-to-add-to-or-to = Subnet to add to { $a0 }, or to remove from it
ui-has-eni-choose-to-remove = { $a0 } · has an ENI: choose to remove
ui-connectivity-of-nat-gateway-in = Connectivity of the NAT gateway in { $a0 }
ui-to-internet-through-internet-gateway = to the internet through the internet gateway
ui-to-other-vpcs-or-on-premises = to other VPCs or on-premises; never the internet
ui-subnet-whose-route-table-to-change = Subnet whose route table to change
ui-make-this-main-route-table = Make this the main route table
ui-route-table = Route table
ui-service-for-gateway-endpoint = Service for the gateway endpoint
ui-tables-2 = { $a0 } · tables: { $a1 }
ui-gateway-endpoint = Gateway endpoint
ui-service-for-interface-endpoint = Service for the interface endpoint
ui-private-dns = { $a0 } · private DNS { $a1 } · { $a2 }
ui-interface-endpoint = Interface endpoint
ui-subnet-for-nat-gateway = Subnet for the NAT gateway
ui-nat-gateway-to-delete = NAT gateway to delete
ui-has-public-ipv4-address-choose-to = has a public IPv4 address: choose to remove it
ui-private-only-choose-to-give-it = private only: choose to give it a public IPv4 address
ui-instance = Instance
ui-appliances = { $a0 } · appliances { $a1 }
ui-gwlb-endpoint = GWLB endpoint
ui-failed-choose-to-restore = FAILED: choose to restore
ui-up-choose-to-fail = up: choose to fail
ui-availability-zone = Availability zone
ui-target-that-leaves-vpc-starts-with = { $a0 }: a target that leaves the VPC starts with pcx-, tgw- or vgw-.
ui-save-as-no-path-given = Save as: no path given.
ui-to-2 = To { $a0 }: { $a1 }
ui-main-implicit-2 = (main, implicit)
ui-main-3 = main
ui-main-remove-explicit-association = main (remove the explicit association)
ui-subnet-then-uses-main-table = the subnet then uses the main table
ui-restore-local-route = restore the local route
ui-internet-gateway-3 = internet gateway
ui-egress-only-internet-gateway = egress-only internet gateway (IPv6 out, nothing in)
ui-nat-gateway = NAT gateway ({ $a0 })
ui-gateway-load-balancer-endpoint = Gateway Load Balancer endpoint
ui-network-interface = network interface
ui-drop-traffic = drop the traffic
ui-type-peering-transit-or-virtual-private = Type a peering, transit or virtual private gateway…
ui-prefix-list-destination-names-service-pl = A prefix-list destination names a service: pl-s3, pl-dynamodb.
ui-is-neither-cidr-10-1-0 = { $a0 } is neither a CIDR (10.1.0.0/16) nor a prefix list (pl-s3).
ui-unknown-target = unknown target { $a0 }

## keymap: Context titles (app/keymap.rs)

ui-main-screen = Main screen
ui-in-list = In a list
ui-typing-filter-address-path = Typing (filter, address, path)
ui-unsaved-edits-on-quit = Unsaved edits on quit
ui-help-and-lists = Help and lists

## keymap: help texts

ui-quit-asks-first-if-there-are = quit (asks first if there are unsaved edits)
ui-quit-now-without-saving = quit now, without saving
ui-this-help = this help
ui-choose-source-instance-or-subnet = choose the source (instance or subnet)
ui-choose-target-service-workload-address = choose the target (service, workload, address), the traffic (protocol and port, default tcp/443) that security groups and network ACLs check, or the request (action and resource, default any) that endpoint and bucket policies decide on
ui-previous-next-source = previous / next source
ui-previous-next-target = previous / next target
ui-next-panel = next panel
ui-previous-panel = previous panel
ui-topology-previous-source-matrix-move-others = Topology: previous source · Matrix: move · others: scroll
ui-topology-next-source-matrix-move-others = Topology: next source · Matrix: move · others: scroll
ui-previous-target-matrix-move-left = previous target (Matrix: move left)
ui-next-target-matrix-move-right = next target (Matrix: move right)
ui-page-up = page up
ui-page-down = page down
ui-top = top
ui-bottom = bottom
ui-scroll-path-panel-down = scroll the path panel down
ui-scroll-path-panel-up = scroll the path panel up
ui-page-path-panel-down = page the path panel down
ui-page-path-panel-up = page the path panel up
ui-fail-restore-az-with-that-number = fail / restore the AZ with that number
ui-edit-model-routes-endpoints-nat-dns = edit the model (routes, endpoints, NAT, DNS, security groups, network ACLs, ...)
ui-undo-2 = undo
ui-redo-2 = redo
ui-reset-to-file-as-loaded-redo = reset to the file as loaded (redo brings edits back)
ui-list-matrix-cells-last-change-flipped = list the matrix cells the last change flipped
ui-save-atomic-asks-for-path-for = save (atomic; asks for a path for the built-in scenario)
ui-save-as-2 = save as
ui-matrix-show-selected-cells-path = Matrix: show the selected cell's path
ui-clear-status-line = clear the status line
ui-up = up
ui-down = down
ui-first = first
ui-last = last
ui-choose = choose
ui-filter-by-typing = filter by typing
ui-close = close
ui-accept = accept
ui-delete-character = delete a character
ui-up-filter = up (filter)
ui-down-filter = down (filter)
ui-stop-typing-close = stop typing / close
ui-save-then-quit = save, then quit
ui-scroll = scroll

## keymap: footer words

ui-quit = quit
ui-help = help
ui-source = source
ui-target = target
ui-panel = panel
ui-fail-az = fail AZ
ui-edit = edit
ui-save = save
ui-move = move
ui-filter = filter
ui-stop = stop

## saving, recovery and the line editor (issue 15)

ui-lesson-file-is-not-overwritten-from = A lesson file is not overwritten from the lesson: save this step's state as a new scenario (without the lesson).
ui-changed-on-disk-since-it-was = { $a0 } changed on disk since it was opened
ui-overwrite = Overwrite
ui-replace-other-programs-changes = replace the other program's changes
ui-save-as-3 = Save as…
ui-keep-both-write-to-another-file = keep both: write to another file
ui-cancel = Cancel
ui-do-not-save-now = do not save now
ui-that-is-lessons-own-file-choose = That is the lesson's own file: choose another name.
ui-exists = { $a0 } exists
ui-replace-file = replace the file
ui-choose-another-path = Choose another path
ui-back-to-what-you-typed = back to what you typed
ui-save-anyway = Save anyway
ui-drop-those-comments-and-save = drop those comments and save
ui-keep-this-file-as-it-is-write = keep this file as it is: write to another file
ui-layout-could-not-be-kept-written-in-full = Its layout could not be kept: it was written in full.
ui-not-saved = Not saved.
ui-unsaved-edits-of-this-file-were = Unsaved edits of this file were kept when vpc-tui last ended ({ $a0 })
ui-restore-them = Restore them
ui-continue-from-kept-edits-not-saved = continue from the kept edits (not saved yet)
ui-discard-them = Discard them
ui-delete-recovery-file = delete the recovery file
ui-decide-later = Decide later
ui-keep-recovery-file-open-file-as = keep the recovery file, open the file as saved
ui-restored-unsaved-edits-kept-in = restored the unsaved edits kept in { $a0 }
ui-recovery-file-deleted = Recovery file deleted.
ui-signal-edits-kept = vpc-tui: { $a0 }: unsaved edits kept in { $a1 }; opening the same file again offers them back
ui-signal-edits-lost = vpc-tui: { $a0 }: could not keep the unsaved edits: { $a1 }
ui-signal-too-slow = vpc-tui: { $a0 }: the explorer did not stop in time
ui-move-cursor = move the cursor
ui-start-end-of-line = start / end of the line
ui-delete-character-under-cursor = delete the character under the cursor
ui-delete-to-start-of-line = delete to the start of the line
ui-delete-word-before-cursor = delete the word before the cursor
ui-input-is-full-characters = The input is full ({ $a0 } characters).
ui-answer-first-then-c-lists = Answer the question first (a): the flipped cells would give it away.
ui-lesson-scroll-narration = Lesson: scroll the narration up / down
ui-scroll-marker = { $a0 }–{ $a1 } of { $a2 } · { $a3 }
ui-added-by-this-step = added by this step
ui-removed-by-this-step = removed by this step
ui-main-route-table = main route table

## Edit flows: each step titled with the action; a toggle shows what it is now before it applies
ui-flow-step = { $a0 } › { $a1 }
ui-set-endpoint-policy = Set or reset a VPC endpoint's policy
ui-full-access-or-aws-default = full access, or AWS's default
ui-vpc-endpoint = VPC endpoint
ui-endpoint-policy-now = { $a0 } · policy: { $a1 }
ui-policy-own = its own
ui-policy-default = AWS's default (full access)
ui-endpoint-policy-of = Endpoint policy of { $a0 }
ui-policy-full-access = Full access
ui-policy-full-access-hint = AWS's default policy, written out: allow every principal every action on every resource
ui-policy-reset = Reset to AWS's default
ui-policy-reset-hint = remove its own policy (modify-vpc-endpoint --reset-policy)
ui-policy-typed = Type a policy document
ui-policy-typed-hint = JSON, as describe-vpc-endpoints shows PolicyDocument
ui-policy-json-prompt = Policy (JSON)
ui-policy-json-hint = a JSON policy document: Statement, each with Effect, Principal, Action and Resource
ui-bpa-menu = Block Public Access: mode and exclusions
ui-bpa-now = { $a0 }, { $a1 } excluded
ui-bpa-title = Mode or exclusion
ui-bpa-set-mode = Mode: { $a0 }
ui-bpa-current = the mode now
ui-bpa-exclude = Exclude { $a0 }
ui-bpa-not-excluded = no exclusion
ui-bpa-delete-exclusion = Delete the exclusion of { $a0 }
ui-bpa-excluded = excluded: { $a0 } ({ $a1 })
ui-bpa-exclusion-mode = Exclusion mode
ui-bpa-allow-bidirectional-hint = all internet traffic to and from it is allowed
ui-bpa-allow-egress-hint = outbound allowed, inbound blocked (only in bidirectional mode)
ui-dns-menu = DNS: private hosted zones, Resolver rules, DHCP options
ui-dns-now = { $a0 } in the VPC
ui-dns-title = Take away from the VPC
ui-dns-remove-zone = Disassociate the private hosted zone { $a0 }
ui-dns-remove-rule = Disassociate the Resolver rule { $a0 }
ui-dns-default-dhcp = Use the default DHCP options (AmazonProvidedDNS)
ui-dns-now-dhcp = now: { $a0 }
ui-bpa-header = Block Public Access: { $a0 }, { $a1 } excluded
ui-confirm-change = Apply this change?
ui-leave-it-as-it-is = leave it as it is
ui-now-setting = now: { $a0 } { $a1 }
ui-setting-private-dns = private DNS
ui-setting-inbound-resolver-only = private DNS only for the inbound Resolver endpoint
ui-setting-cross-zone = cross-zone load balancing
ui-setting-public-ip = public IPv4 address

## Warnings from loading, listed on `!`
ui-import-warnings = Loaded with warnings: { $a0 } from the AWS import, { $a1 } from validation (! lists them).
ui-import-warning = AWS import: { $a0 }
ui-no-warnings = Loading gave no warnings.
ui-list-warnings = list the import's and validation's warnings
ui-warnings-title = Warnings ({ $a0 }) · Esc closes

## fixes and weak points (app/fixes.rs, ui/fixes.rs)

ui-fixes-or-weak-points-of-path = fixes for a path that does not work (Enter applies one); weak points of one that does
ui-matrix-mark-cells-with-spof = matrix: mark (!) the cells with a single point of failure, on / off
ui-path-ip-version-cycle = path and matrix: IP version IPv4 → IPv6 → auto (what the client would use)
ui-in-fixes-list = In the fixes list
ui-next-suggestion = next suggestion (weak points: scroll)
ui-previous-suggestion = previous suggestion (weak points: scroll)
ui-apply-suggestion-one-undo = apply the chosen suggestion (u undoes all of it)
ui-apply = apply
ui-answer-first-then-f = Answer the question first (a): the fixes would give it away.
ui-no-path-to-fix = There is no path to fix: choose a source and a target.
ui-fix-applied = fix { $a0 } applied: { $a1 }
ui-spof-marks-on = Matrix: ! marks the reachable cells with a single point of failure ({ $a0 }). F hides the marks.
ui-spof-marks-off = Matrix: single-point-of-failure marks off.
ui-family-now-ipv4 = Path and matrix: IPv4 (v switches to IPv6).
ui-family-now-ipv6 = Path and matrix: IPv6 (v switches to auto).
ui-family-now-auto = Path and matrix: auto, the IP version the client would use (RFC 6724; v switches to IPv4).
ui-spof-legend = ! single point of failure
ui-fixes-now = now: { $a0 }
ui-fixes-title = Fixes for { $a0 }: { $a1 } of { $a2 } · Enter applies · Esc closes
ui-fixes-title-none = Fixes for { $a0 } · Esc closes
ui-weak-title = Weak points of { $a0 } · Esc closes
ui-fix-hint = f: fixes found: { $a0 } — best: { $a1 } ({ $a2 } { $a3 } a month)
ui-fix-hint-none = f: no fix. { $a0 }
ui-fix-hint-lazy = f: suggest fixes for this path
ui-spof-hint = ⚠ single points of failure: { $a0 } — { $a1 } (f lists them)
ui-spof-none-hint = ✔ no single point of failure. { $a0 }
ui-spof-hint-lazy = f: what could break this path
ui-fix-question-hint = Discuss it, then press f to see the suggestions.
ui-fix-question-status = How would you fix it? Discuss, then press f.
ui-title-fixes = f: fixes { $a0 }
ui-title-spof = ⚠ SPOF: { $a0 } (f)
ui-title-no-spof = ✔ no SPOF

## The Security panel (src/ui/security.rs; its messages with arguments are in trace.ftl)

ui-security = Security
ui-security-title = Security on the path
ui-security-title-legend = { $a0 } ({ $a1 })
ui-sec-legend-allowed = ✔ allowed
ui-sec-legend-limited = ◐ some requests only
ui-sec-legend-denied = ✖ denied
ui-sec-legend-unknown = ? not evaluable
ui-sec-denied-no-rule = ✖ denied: no rule allows it (security groups allow only what a rule names)
ui-sec-rules = rules:
ui-sec-acl-reply-hint = network ACLs are stateless: the reply to the client's ephemeral ports needs its own rule
ui-sec-sdc-off = ✔ allowed: the check is off, so the interface forwards traffic that is not its own
ui-sec-hidden = Answer the question first (a): the security layers would give it away.
ui-sec-none = No security group, network ACL, source/destination check or policy decided on this path: it stopped before them, or stayed inside one subnet.
ui-sec-policy-limited-hint = ask about one request: choose "Request…" in the target picker (t)
ui-sec-no-path = No path selected.

## The traffic a path asks about (t, then "Traffic…")

ui-probe-item = Traffic: { $a0 }…
ui-probe-item-detail = protocol and port for security groups and network ACLs (tcp/443, udp/53, icmp, all)
ui-probe-prompt = Protocol and port
ui-probe-hint = tcp/443, udp/53, tcp (port 443), icmp, all, or default (TCP 443, or a VPC Lattice resource's own port); security groups and network ACLs match it
ui-probe-set = Traffic set: { $a0 } (security groups and network ACLs check it, on the path and in every matrix cell)
ui-probe-bad = { $a0 } is not a protocol and port: type tcp/443, udp/53, icmp or all
ui-request-item = Request: { $a0 }…
ui-request-item-detail = action and resource for endpoint and bucket policies (s3:GetObject arn:aws:s3:::bucket/key)
ui-request-prompt = Action and resource
ui-request-hint = s3:GetObject, arn:aws:s3:::bucket/key, both separated by a space, or empty for any request; endpoint and bucket policies decide on it
ui-request-any = any request
ui-request-set = Request set: { $a0 } (endpoint and bucket policies decide on it; the matrix stays any request)
ui-request-bad = { $a0 } is not an action and resource: type s3:GetObject arn:aws:s3:::bucket/key, one of them, or nothing
ui-path-probe = { $a0 } · { $a1 }
ui-path-family-auto = IPv4/IPv6 auto
ui-ipv6-only = IPv6-only
ui-no-ipv4 = no IPv4

## The edit menu's security flows (app/flows/security.rs).
ui-sec-menu = Security groups, network ACLs, source/destination check
ui-sec-rule-remove = Remove a security group rule
ui-sec-rule-add = Add a security group rule
ui-sec-rule-add-detail = tcp/443 from a CIDR, a group or a prefix list
ui-sec-attach = Attach or detach a security group
ui-sec-acl-remove = Remove a network ACL rule
ui-sec-acl-renumber = Renumber a network ACL rule
ui-sec-acl-renumber-detail = the lowest number that matches decides
ui-sec-acl-add = Add a network ACL rule
ui-sec-acl-add-detail = number, allow or deny, traffic, CIDR
ui-sec-acl-associate = Associate a subnet with a network ACL
ui-sec-sdc = Turn an appliance's source/destination check on or off
ui-sec-rule-to-remove = Rule to remove
ui-sec-group-and-direction = Group and direction of the new rule
ui-sec-inbound-of = Inbound rule of { $a0 }
ui-sec-outbound-of = Outbound rule of { $a0 }
ui-sec-rule-hint-in = PROTOCOL/PORTS SOURCE: tcp/443 10.0.0.0/16, tcp/443 sg-app, udp/53 pl-s3, all 0.0.0.0/0
ui-sec-rule-hint-out = PROTOCOL/PORTS DESTINATION: tcp/443 0.0.0.0/0, tcp/443 pl-s3, tcp/5432 sg-db, all 0.0.0.0/0
ui-sec-interface = Instance, endpoint or network interface
ui-sec-group-for = Group to attach to or detach from { $a0 }
ui-sec-detach = attached: choose to detach
ui-sec-attach-this = choose to attach
ui-sec-acl-rule-to-remove = Network ACL rule to remove
ui-sec-acl-rule-to-renumber = Network ACL rule to renumber
ui-sec-new-number-for = New number for rule { $a0 } of { $a1 }
ui-sec-new-number-hint = 1 to 32766, not used in that direction
ui-sec-acl-and-direction = Network ACL and direction of the new rule
ui-sec-acl-rule-hint = NUMBER allow|deny PROTOCOL/PORTS CIDR: 110 allow tcp/1024-65535 0.0.0.0/0
ui-sec-subnet-for-acl = Subnet whose network ACL to change
ui-sec-acl-for = Network ACL for { $a0 }
ui-sec-default-acl = the default network ACL
ui-sec-sdc-now = now { $a0 }
ui-sec-sdc-unknown = not given (AWS's default: on)
ui-sec-bad-text = { $a0 } is not a rule this step takes; type it as { $a1 }
