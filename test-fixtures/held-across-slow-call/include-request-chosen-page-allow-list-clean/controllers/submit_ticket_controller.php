<?php
// The ticket form: checks the answer with a remote service before it files the ticket.
if (isset($_POST['subject'])) {
    $verdict = file_get_contents('https://captcha.example.com/verify?r=' . urlencode($_POST['answer']));
    $_SESSION['last_ticket'] = $verdict;
}
