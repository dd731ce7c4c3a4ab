-- A copy of the registry (restored backup, test or training database) never writes
-- to the citizens: the e-mails queued in the original are cancelled and the deferred
-- e-mails (acknowledgements, portal confirmations) dropped, so that turning a cron
-- back on in the copy sends nothing the original has sent or will send. Read by Odoo's neutralisation
-- (odoo-bin neutralize, bin/restore) for every database where cic_registry is installed.
UPDATE mail_mail
   SET state = 'cancel'
 WHERE state IN ('outgoing', 'exception');
DELETE FROM cic_ticket_deferred_mail_rel;
