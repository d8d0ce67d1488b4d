// Chat notifications, exported as an object of functions.
async function sendSlack(text) {
    await fetch(process.env.SLACK_WEBHOOK_URL, { method: 'POST', body: JSON.stringify({ text }) });
}

function format(payment) {
    return `Payment ${payment.id}: ${payment.state}`;
}

module.exports = { sendSlack, format };
