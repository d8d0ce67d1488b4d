// Webhook helpers, exported one by one and as a function module.
const axios = require('axios');

exports.notifyPublished = async function notifyPublished(post) {
    await axios.post('https://hooks.example.com/published', { id: post.id });
};

exports.notifyArchived = async (post) => {
    await axios.post('https://hooks.example.com/archived', { id: post.id });
};
