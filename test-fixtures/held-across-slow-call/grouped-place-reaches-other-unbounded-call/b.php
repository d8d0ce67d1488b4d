<?php
// A later place: the curl retry it reaches holds no longer than the fetch the group is told
// from (neither is bounded), so it is one place of the group, not a finding of its own.
require_once 'lib.php';
function show_rate()
{
    return get_rate();
}
show_rate();
