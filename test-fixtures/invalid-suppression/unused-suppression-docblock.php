<?php
// A suppression that hides nothing inside a docblock that also documents the function: it is
// reported, but removing the comment would remove the documentation too, so no fix is offered.

/** Shows the profile page with the user's avatar. // expect: invalid-suppression
 * session-lint-ignore held-across-slow-call: the API answers in under 50 ms
 */
function profile_page(): void
{
    session_start();
    $name = $_SESSION['name'] ?? '';
    session_write_close();
    echo file_get_contents('https://avatars.example.com/' . rawurlencode($name));
}
