<?php
// A suppression naming a rule that does not exist (a typo) is reported, and because it matches no
// rule the finding it was meant to silence is still reported too.
declare(strict_types=1);

session_start();
$email = (string) ($_SESSION['email'] ?? '');
// session-lint-ignore held-across-slow-call: the welcome mail must go out before the redirect // expect: invalid-suppression
mail($email, 'Welcome!', 'Thanks for signing up.'); // expect: held-across-slow-call
$_SESSION['welcome_sent'] = true;
header('Location: /');
