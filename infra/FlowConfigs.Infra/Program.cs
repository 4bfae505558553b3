using Amazon.CDK;
using FlowConfigs.Infra;

var app = new App();
FlowConfigsStack.Create(app);
app.Synth();
