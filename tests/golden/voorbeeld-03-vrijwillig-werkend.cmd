regel examples/inburgering-basis.regel examples/gevallen/03-vrijwillig-werkend.json
