## The TUI's sentences that carry a count, so that English says "1 flow" and "2 flows".
## (ui.ftl's messages are filled in without Fluent and take no plural.)

# The cost panel's first line: how many flows the estimate counts, and the default traffic of one.
ui-cost-traffic = Traffic: { $flows ->
    [one] 1 flow
   *[other] { $flows } flows
}, { $gb } GB/month by default (e edits it)
# The matrix panel's title.
ui-matrix-size = Matrix: { $instances ->
    [one] 1 instance
   *[other] { $instances } instances
} × { $columns ->
    [one] 1 column
   *[other] { $columns } columns
}
# A number key pressed for an AZ the VPC does not have.
ui-no-such-az = The VPC has { $azs ->
    [one] 1 AZ
   *[other] { $azs } AZs
}; there is no AZ { $key }.
# Asked before saving over a file whose comments the save would lose.
ui-save-would-drop-comments = Saving { $file } would drop { $comments ->
    [one] one of its comments
   *[other] { $comments } of its comments, the first
}: { $first }
ui-save-rewrites-without-comments = { $file } cannot be edited in place: saving writes it in full, without its { $comments ->
    [one] comment
   *[other] { $comments } comments
}
# Said after a save that left out comments belonging to what the edits removed.
ui-comments-dropped = { $comments ->
    [one] 1 comment
   *[other] { $comments } comments
} of { $file } { $comments ->
    [one] was
   *[other] were
} dropped with what the edits removed.
ui-comments-not-carried-over = { $comments ->
    [one] 1 comment
   *[other] { $comments } comments
} of { $file } { $comments ->
    [one] was
   *[other] were
} not carried over (they belonged to what the edits removed).
# A paste longer than the input takes.
ui-paste-cut = The paste was cut to { $max } characters ({ $left ->
    [one] 1 character
   *[other] { $left } characters
} left out).
# A lesson step that replaced the learner's own edits with the step's model.
ui-lesson-edits-replaced = ({ $edits ->
    [one] 1 edit
   *[other] { $edits } edits
} of yours replaced by the step's model)
# The status line after resetting to the file as it was loaded.
ui-reset-to-loaded = reset to the file as loaded ({ $edits ->
    [one] 1 edit
   *[other] { $edits } edits
} undone; Ctrl-r redoes them)
# The title of the list of matrix cells the last edit flipped (c).
ui-flipped-cells-title = { $cells ->
    [one] 1 cell
   *[other] { $cells } cells
} flipped by: { $edit } (Esc closes)
# The same title where the screen is too narrow for it: the footer says how to close the list.
ui-flipped-cells-title-short = { $cells ->
    [one] 1 cell
   *[other] { $cells } cells
} flipped by: { $edit }
# The status line on opening a scenario that validation warned about.
ui-validation-warnings = { $warnings ->
    [one] 1 warning from validation
   *[other] { $warnings } warnings from validation, the first
}: { $first }
