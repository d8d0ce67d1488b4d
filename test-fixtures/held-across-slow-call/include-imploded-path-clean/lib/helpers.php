<?php
// No session here.
function status_text() { return 'ok'; }
