from . import helpdesk_ticket_demo
