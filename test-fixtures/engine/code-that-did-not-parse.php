<?php
// Valid PHP the grammar misreads (`"$row[as]"`, a keyword as an unquoted key in a string, as
// in a compiled single-file application): the `if` around the `exit` below is lost, and the
// `exit` comes out as a statement of its own. Its structure is not known, so the jump ends
// some paths only: the code after it still runs on the others.
session_start();
$row = ['as' => 'AS'];
echo "<p>$row[as]</p>";
if (isset($_GET['download'])) {
    echo 'x';
    exit;
}
probe(); // @state: open
session_write_close();
probe(); // @state: closed
