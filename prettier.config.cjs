/** @type {import('prettier').Config} */
// OCA's prettier settings (oca-addons-repo-template, 18.0), for the optional
// prettier hook of .pre-commit-config.yaml.
const config = {
    // https://github.com/prettier/plugin-xml#configuration
    xmlWhitespaceSensitivity: "preserve",
    printWidth: 88,
    bracketSpacing: false,
    plugins: ["@prettier/plugin-xml"],
};

module.exports = config;
